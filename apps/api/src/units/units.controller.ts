import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, type AuthUser } from '../auth/auth-user';
import { BUSINESS_ROLES } from '@app/contracts';
import { AnyRole, Roles } from '../auth/roles.decorator';
import { CreateRankingGroupDto, CreateUnitDto, ListUnitsQuery, UpdateRankingGroupDto, UpdateUnitDto } from './dto/unit.dto';
import { RankingGroupsService } from './ranking-groups.service';
import { UnitsService } from './units.service';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiAnswer, ApiNoContent } from '../common/openapi';

/** Units are reference data: everyone reads them (joint articles name other units); the office keeps them. */
@ApiTags('units 报送单位')
@Controller('units')
export class UnitsController {
  constructor(private readonly service: UnitsService) {}

  /** Also for the security administrator, who binds officers and reviewers to units when assigning roles. */
  @Roles(...BUSINESS_ROLES, 'secadmin') @Get()
  @ApiAnswer('UnitResponse', 'page')
  list(@Auth() user: AuthUser, @Query() query: ListUnitsQuery) {
    return this.service.list(user, query);
  }

  @AnyRole() @Get(':id')
  @ApiAnswer('UnitResponse')
  get(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number) {
    return this.service.get(user, id);
  }

  @Roles('office', 'admin') @Post()
  @ApiAnswer('UnitResponse')
  create(@Auth() user: AuthUser, @Body() dto: CreateUnitDto) {
    return this.service.create(user, dto);
  }

  @Roles('office', 'admin') @Patch(':id')
  @ApiAnswer('UnitResponse')
  update(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Body() dto: UpdateUnitDto) {
    return this.service.update(user, id, dto);
  }

  @Roles('office', 'admin') @Delete(':id') @HttpCode(204)
  @ApiNoContent()
  remove(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number) {
    return this.service.remove(user, id);
  }
}

@ApiTags('units 报送单位')
@Controller('ranking-groups')
export class RankingGroupsController {
  constructor(private readonly service: RankingGroupsService) {}

  @AnyRole() @Get()
  @ApiAnswer('RankingGroupResponse', 'list')
  list(@Auth() user: AuthUser) {
    return this.service.list(user);
  }

  @Roles('office', 'admin') @Post()
  @ApiAnswer('RankingGroupResponse')
  create(@Auth() user: AuthUser, @Body() dto: CreateRankingGroupDto) {
    return this.service.create(user, dto);
  }

  @Roles('office', 'admin') @Patch(':id')
  @ApiAnswer('RankingGroupResponse')
  update(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Body() dto: UpdateRankingGroupDto) {
    return this.service.update(user, id, dto);
  }

  @Roles('office', 'admin') @Delete(':id') @HttpCode(204)
  @ApiNoContent()
  remove(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number) {
    return this.service.remove(user, id);
  }
}
