import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, type AuthUser } from '../auth/auth-user';
import { Roles, SeparatedDuty } from '../auth/roles.decorator';
import { CreateUserDto, ListUsersQuery, ResetPasswordDto, UpdateUserDto } from './dto/user.dto';
import { UsersService } from './users.service';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiAnswer } from '../common/openapi';

@ApiTags('users 用户')
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly service: UsersService) {}

  /** The security administrator sees the accounts whose roles and hold-offs it manages. */
  @Roles('admin', 'secadmin')
  @Get()
  @ApiAnswer('UserResponse', 'page')
  list(@Auth() user: AuthUser, @Query() query: ListUsersQuery) {
    return this.service.list(user, query);
  }

  @Post()
  @ApiAnswer('UserResponse')
  create(@Auth() user: AuthUser, @Body() dto: CreateUserDto) {
    return this.service.create(user, dto);
  }

  /** Roles are the security administrator's under separation of duties (UsersService.update). */
  @Roles('admin', 'secadmin')
  @Patch(':id')
  @ApiAnswer('UserResponse')
  update(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Body() dto: UpdateUserDto) {
    return this.service.update(user, id, dto);
  }

  @Post(':id/reset-password') @HttpCode(200)
  @ApiAnswer('UserResponse')
  resetPassword(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Body() dto: ResetPasswordDto) {
    return this.service.resetPassword(user, id, dto);
  }

  @Roles('admin', 'secadmin') @SeparatedDuty('security')
  @Post(':id/unlock') @HttpCode(200)
  @ApiAnswer('UserResponse')
  unlock(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number) {
    return this.service.unlock(user, id);
  }
}
