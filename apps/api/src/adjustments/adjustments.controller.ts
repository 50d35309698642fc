import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, type AuthUser } from '../auth/auth-user';
import { AnyRole, Roles } from '../auth/roles.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { AdjustmentsService } from './adjustments.service';
import { CreateAdjustmentDto, DecideAdjustmentDto, ListAdjustmentsQuery, UpdateAdjustmentDto } from './dto/adjustment.dto';
import { ApiAnswer, ApiNoContent } from '../common/openapi';

@ApiTags('adjustments 加减分')
@Controller('adjustments')
export class AdjustmentsController {
  constructor(private readonly service: AdjustmentsService) {}

  /** Units read their own approved adjustments; the office and leaders all. */
  @AnyRole() @Get()
  @ApiAnswer('AdjustmentResponse', 'page')
  list(@Auth() user: AuthUser, @Query() query: ListAdjustmentsQuery) {
    return this.service.list(user, query);
  }

  @AnyRole() @Get(':id')
  @ApiAnswer('AdjustmentResponse')
  get(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number) {
    return this.service.get(user, id);
  }

  @Roles('office') @Post()
  @ApiAnswer('AdjustmentResponse')
  create(@Auth() user: AuthUser, @Body() dto: CreateAdjustmentDto) {
    return this.service.create(user, dto);
  }

  @Roles('office') @Patch(':id')
  @ApiAnswer('AdjustmentResponse')
  update(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Body() dto: UpdateAdjustmentDto) {
    return this.service.update(user, id, dto);
  }

  @Roles('office') @Delete(':id') @HttpCode(204)
  @ApiNoContent()
  remove(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number) {
    return this.service.remove(user, id);
  }

  @Roles('office') @Post(':id/approve') @HttpCode(200)
  @ApiAnswer('AdjustmentResponse')
  approve(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Body() dto: DecideAdjustmentDto) {
    return this.service.approve(user, id, dto);
  }

  @Roles('office') @Post(':id/reject') @HttpCode(200)
  @ApiAnswer('AdjustmentResponse')
  reject(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Body() dto: DecideAdjustmentDto) {
    return this.service.reject(user, id, dto);
  }
}
