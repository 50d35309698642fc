import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, type AuthUser } from '../auth/auth-user';
import { AnyRole, Roles } from '../auth/roles.decorator';
import { PageQuery } from '../common/dto/page.query';
import { CreateSchemeVersionDto, SchemeDiffQuery, SchemeDocumentDto, UpdateSchemeVersionDto } from './dto/scheme.dto';
import { SchemesService } from './schemes.service';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiAnswer } from '../common/openapi';

@ApiTags('schemes 计分办法')
@Controller('schemes')
export class SchemesController {
  constructor(private readonly service: SchemesService) {}

  @AnyRole() @Get()
  @ApiAnswer('SchemeVersionResponse', 'page')
  list(@Auth() user: AuthUser, @Query() query: PageQuery) {
    return this.service.list(user, query);
  }

  @AnyRole() @Get('diff')
  @ApiAnswer('SchemeDiffResponse')
  diff(@Auth() user: AuthUser, @Query() query: SchemeDiffQuery) {
    return this.service.diff(user, query.a, query.b);
  }

  @Roles('office', 'admin') @Post('validate') @HttpCode(200)
  @ApiAnswer('SchemeValidationResult')
  validate(@Auth() user: AuthUser, @Body() dto: SchemeDocumentDto) {
    return this.service.validate(user, dto.document);
  }

  @AnyRole() @Get(':id')
  @ApiAnswer('SchemeVersionDetail')
  get(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number) {
    return this.service.get(user, id);
  }

  @Roles('office', 'admin') @Post()
  @ApiAnswer('SchemeSaveResponse')
  create(@Auth() user: AuthUser, @Body() dto: CreateSchemeVersionDto) {
    return this.service.create(user, dto);
  }

  @Roles('office', 'admin') @Patch(':id')
  @ApiAnswer('SchemeSaveResponse')
  update(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Body() dto: UpdateSchemeVersionDto) {
    return this.service.update(user, id, dto);
  }

  @Roles('office', 'admin') @Delete(':id')
  @ApiAnswer('SchemeRemoved')
  remove(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number) {
    return this.service.remove(user, id);
  }
}
