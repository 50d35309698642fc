import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { ROLES, type Role } from '@app/contracts';
import { IsId } from '../../common/dto/numbers';
import { IsOptionalNonNull } from '../../common/dto/optional';
import { PageQuery } from '../../common/dto/page.query';

const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const emptyToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateUserDto {
  @Transform(lower) @IsString() @IsNotEmpty() @MaxLength(50) @Matches(/^[a-z0-9_.-]+$/, { message: '只能包含小写字母、数字、下划线、点和短横线' })
  username: string;

  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(50)
  displayName: string;

  @IsIn(ROLES)
  role: Role;

  /** Required for officers and reviewers, refused for other roles. */
  @ValidateIf((o: CreateUserDto) => o.role === 'officer' || o.role === 'reviewer' || o.unitId !== undefined)
  @IsId()
  unitId?: number;

  /** Where reminders are e-mailed; empty or null = none. */
  @IsOptional() @Transform(emptyToNull) @IsEmail() @MaxLength(120)
  email?: string | null;

  /** Initial password (password policy applies); the user must change it at first login. */
  @IsString() @IsNotEmpty() @MaxLength(200)
  password: string;
}

export class UpdateUserDto {
  @IsOptionalNonNull() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(50)
  displayName?: string;

  @IsOptionalNonNull() @IsIn(ROLES)
  role?: Role;

  @IsOptional() @IsId()
  unitId?: number | null;

  @IsOptionalNonNull() @IsBoolean()
  active?: boolean;

  /** Where reminders are e-mailed; empty or null = none. */
  @IsOptional() @Transform(emptyToNull) @IsEmail() @MaxLength(120)
  email?: string | null;
}

export class ResetPasswordDto {
  @IsString() @IsNotEmpty() @MaxLength(200)
  password: string;
}

export class ListUsersQuery extends PageQuery {
  @IsOptional() @IsIn(ROLES)
  role?: Role;

  @IsOptional() @IsString() @MaxLength(50)
  q?: string;
}
