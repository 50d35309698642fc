import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { Auth, type AuthUser } from '../auth/auth-user';
import { AnyAccount } from '../auth/roles.decorator';
import { PageQuery } from '../common/dto/page.query';
import { QueryBoolean } from '../common/dto/transforms';
import { NotificationsService } from './notifications.service';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiAnswer, ApiNoContent } from '../common/openapi';

class ListNotificationsQuery extends PageQuery {
  @IsOptional() @QueryBoolean() @IsBoolean()
  unread?: boolean;
}

@ApiTags('notifications 消息')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly service: NotificationsService) {}

  @AnyAccount() @Get()
  @ApiAnswer('NotificationPage')
  list(@Auth() user: AuthUser, @Query() query: ListNotificationsQuery) {
    return this.service.list(user, query);
  }

  @AnyAccount() @Post('read-all') @HttpCode(204)
  @ApiNoContent()
  markAllRead(@Auth() user: AuthUser) {
    return this.service.markAllRead(user);
  }

  @AnyAccount() @Post(':id/read') @HttpCode(204)
  @ApiNoContent()
  markRead(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number) {
    return this.service.markRead(user, id);
  }
}
