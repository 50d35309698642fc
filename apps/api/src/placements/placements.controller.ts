import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, type AuthUser } from '../auth/auth-user';
import { AnyRole, Roles } from '../auth/roles.decorator';
import { CreatePlacementDto, UpdatePlacementDto } from './dto/placement.dto';
import { PlacementsService } from './placements.service';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiAnswer, ApiNoContent } from '../common/openapi';

@ApiTags('placements 录用')
@Controller()
export class PlacementsController {
  constructor(private readonly service: PlacementsService) {}

  @AnyRole() @Get('articles/:articleId/placements')
  @ApiAnswer('PlacementResponse', 'list')
  list(@Auth() user: AuthUser, @Param('articleId', ParseIdPipe) articleId: number) {
    return this.service.listForArticle(user, articleId);
  }

  @Roles('officer', 'office', 'admin') @Post('articles/:articleId/placements')
  @ApiAnswer('PlacementResponse')
  create(@Auth() user: AuthUser, @Param('articleId', ParseIdPipe) articleId: number, @Body() dto: CreatePlacementDto) {
    return this.service.create(user, articleId, dto);
  }

  @AnyRole() @Get('placements/:id')
  @ApiAnswer('PlacementResponse')
  get(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number) {
    return this.service.get(user, id);
  }

  @Roles('officer', 'office', 'admin') @Patch('placements/:id')
  @ApiAnswer('PlacementResponse')
  update(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Body() dto: UpdatePlacementDto) {
    return this.service.update(user, id, dto);
  }

  @Roles('officer', 'office', 'admin') @Delete('placements/:id') @HttpCode(204)
  @ApiNoContent()
  remove(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number) {
    return this.service.remove(user, id);
  }
}
