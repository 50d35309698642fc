import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Auth, type AuthUser } from '../auth/auth-user';
import { AnyRole, Roles } from '../auth/roles.decorator';
import { toJobResponse } from '../jobs/jobs.service';
import { CreateOutletDto, ListOutletsQuery, UpdateOutletDto } from './dto/outlet.dto';
import { OutletsService } from './outlets.service';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiAnswer, ApiFile, ApiNoContent } from '../common/openapi';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('outlets 媒体刊物')
@Controller('outlets')
export class OutletsController {
  constructor(private readonly service: OutletsService) {}

  @AnyRole() @Get()
  @ApiAnswer('OutletResponse', 'page')
  list(@Auth() user: AuthUser, @Query() query: ListOutletsQuery) {
    return this.service.list(user, query);
  }

  @AnyRole() @Get('export.xlsx') @Header('Content-Type', XLSX) @Header('Content-Disposition', 'attachment; filename="outlets.xlsx"')
  @ApiFile(XLSX)
  async export(@Auth() user: AuthUser, @Query() query: ListOutletsQuery) {
    return new StreamableFile(await this.service.export(user, query));
  }

  @Roles('office', 'admin') @Post('import') @ApiConsumes('multipart/form-data') @UseInterceptors(FileInterceptor('file'))
  @ApiAnswer('JobResponse')
  async import(@Auth() user: AuthUser, @UploadedFile() file: Express.Multer.File) {
    return toJobResponse(await this.service.startImport(user, file));
  }

  @AnyRole() @Get(':id')
  @ApiAnswer('OutletResponse')
  get(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number) {
    return this.service.get(user, id);
  }

  @Roles('office', 'admin') @Post()
  @ApiAnswer('OutletResponse')
  create(@Auth() user: AuthUser, @Body() dto: CreateOutletDto) {
    return this.service.create(user, dto);
  }

  @Roles('office', 'admin') @Patch(':id')
  @ApiAnswer('OutletResponse')
  update(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Body() dto: UpdateOutletDto) {
    return this.service.update(user, id, dto);
  }

  @Roles('office', 'admin') @Delete(':id') @HttpCode(204)
  @ApiNoContent()
  remove(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number) {
    return this.service.remove(user, id);
  }
}
