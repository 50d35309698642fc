import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @IsString() @IsNotEmpty() @MaxLength(50)
  username: string;

  @IsString() @IsNotEmpty() @MaxLength(72)
  password: string;
}

export class ChangePasswordDto {
  @IsString() @IsNotEmpty() @MaxLength(72)
  currentPassword: string;

  /** Checked against the password policy (PasswordsService), which also refuses more than 72 bytes. */
  @IsString() @IsNotEmpty() @MaxLength(200)
  newPassword: string;
}
