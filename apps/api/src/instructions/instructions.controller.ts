import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, type AuthUser } from '../auth/auth-user';
import { AnyRole, Roles } from '../auth/roles.decorator';
import { CreateInstructionDto, UpdateInstructionDto } from './dto/instruction.dto';
import { InstructionsService } from './instructions.service';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiAnswer, ApiNoContent } from '../common/openapi';

@ApiTags('instructions 领导批示')
@Controller()
export class InstructionsController {
  constructor(private readonly service: InstructionsService) {}

  @AnyRole() @Get('articles/:articleId/instructions')
  @ApiAnswer('InstructionResponse', 'list')
  list(@Auth() user: AuthUser, @Param('articleId', ParseIdPipe) articleId: number) {
    return this.service.listForArticle(user, articleId);
  }

  @Roles('officer', 'office', 'admin') @Post('articles/:articleId/instructions')
  @ApiAnswer('InstructionResponse')
  create(@Auth() user: AuthUser, @Param('articleId', ParseIdPipe) articleId: number, @Body() dto: CreateInstructionDto) {
    return this.service.create(user, articleId, dto);
  }

  @AnyRole() @Get('instructions/:id')
  @ApiAnswer('InstructionResponse')
  get(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number) {
    return this.service.get(user, id);
  }

  @Roles('officer', 'office', 'admin') @Patch('instructions/:id')
  @ApiAnswer('InstructionResponse')
  update(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Body() dto: UpdateInstructionDto) {
    return this.service.update(user, id, dto);
  }

  @Roles('officer', 'office', 'admin') @Delete('instructions/:id') @HttpCode(204)
  @ApiNoContent()
  remove(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number) {
    return this.service.remove(user, id);
  }
}
