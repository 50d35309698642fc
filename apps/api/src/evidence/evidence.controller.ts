import { Controller, Delete, Get, HttpCode, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Auth, type AuthUser } from '../auth/auth-user';
import { AnyRole, Roles } from '../auth/roles.decorator';
import { EvidenceService } from './evidence.service';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiAnswer, ApiFile, ApiNoContent } from '../common/openapi';
import { EVIDENCE_TYPES } from './file-signature';

/** Evidence is served with the type its content was recognised as on upload. */
const EVIDENCE_CONTENT_TYPES = [...new Set(Object.values(EVIDENCE_TYPES).map((t) => t.mime))];

@ApiTags('evidence 证明材料')
@Controller()
export class EvidenceController {
  constructor(private readonly service: EvidenceService) {}

  @Roles('officer', 'office', 'admin') @Post('placements/:id/evidence') @ApiConsumes('multipart/form-data') @UseInterceptors(FileInterceptor('file'))
  @ApiAnswer('EvidenceFileResponse')
  uploadForPlacement(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @UploadedFile() file: Express.Multer.File) {
    return this.service.upload(user, 'placement', id, file);
  }

  @Roles('officer', 'office', 'admin') @Post('instructions/:id/evidence') @ApiConsumes('multipart/form-data') @UseInterceptors(FileInterceptor('file'))
  @ApiAnswer('EvidenceFileResponse')
  uploadForInstruction(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @UploadedFile() file: Express.Multer.File) {
    return this.service.upload(user, 'instruction', id, file);
  }

  @Roles('officer', 'office', 'admin') @Post('items/:id/evidence') @ApiConsumes('multipart/form-data') @UseInterceptors(FileInterceptor('file'))
  @ApiAnswer('EvidenceFileResponse')
  uploadForItem(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @UploadedFile() file: Express.Multer.File) {
    return this.service.upload(user, 'item', id, file);
  }

  @Roles('office') @Post('adjustments/:id/evidence') @ApiConsumes('multipart/form-data') @UseInterceptors(FileInterceptor('file'))
  @ApiAnswer('EvidenceFileResponse')
  uploadForAdjustment(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @UploadedFile() file: Express.Multer.File) {
    return this.service.upload(user, 'adjustment', id, file);
  }

  /** Inline (to preview beside the entry) unless ?download=1. */
  @AnyRole() @Get('evidence/:id')
  @ApiFile(...EVIDENCE_CONTENT_TYPES)
  async download(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Query('download') asAttachment: string | undefined, @Res() res: Response) {
    const { content, evidence } = await this.service.download(user, id);
    res.setHeader('Content-Type', evidence.mimeType);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // The review page previews a PDF in an <iframe> of our own pages; the app-wide policy
    // (frame-ancestors 'none', object-src 'none') would blank it, so files get their own.
    res.setHeader('Content-Security-Policy', "frame-ancestors 'self'");
    res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    res.setHeader('Content-Disposition', `${asAttachment ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(evidence.fileName)}`);
    res.send(content);
  }

  @Roles('officer', 'office', 'admin') @Delete('evidence/:id') @HttpCode(204)
  @ApiNoContent()
  remove(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number) {
    return this.service.remove(user, id);
  }
}
