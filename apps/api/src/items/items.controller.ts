import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, type AuthUser } from '../auth/auth-user';
import { AnyRole, Roles } from '../auth/roles.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateItemDto, ItemKindsQuery, ListItemsQuery, UpdateItemDto } from './dto/item.dto';
import { ItemsService } from './items.service';
import { ApiAnswer, ApiNoContent } from '../common/openapi';

@ApiTags('items 事项')
@Controller()
export class ItemsController {
  constructor(private readonly service: ItemsService) {}

  /** The kinds the scheme in force declares (empty for a scheme without an `items:` list). */
  @AnyRole() @Get('item-kinds')
  @ApiAnswer('ItemKind', 'list')
  kinds(@Auth() user: AuthUser, @Query() query: ItemKindsQuery) {
    return this.service.catalogue(user, query.date);
  }

  @AnyRole() @Get('items')
  @ApiAnswer('ItemRecordResponse', 'page')
  list(@Auth() user: AuthUser, @Query() query: ListItemsQuery) {
    return this.service.list(user, query);
  }

  @AnyRole() @Get('items/:id')
  @ApiAnswer('ItemRecordResponse')
  get(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number) {
    return this.service.get(user, id);
  }

  @Roles('officer', 'office', 'admin') @Post('items')
  @ApiAnswer('ItemRecordResponse')
  create(@Auth() user: AuthUser, @Body() dto: CreateItemDto) {
    return this.service.create(user, dto);
  }

  @Roles('officer', 'office', 'admin') @Patch('items/:id')
  @ApiAnswer('ItemRecordResponse')
  update(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Body() dto: UpdateItemDto) {
    return this.service.update(user, id, dto);
  }

  @Roles('officer', 'office', 'admin') @Delete('items/:id') @HttpCode(204)
  @ApiNoContent()
  remove(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number) {
    return this.service.remove(user, id);
  }
}
