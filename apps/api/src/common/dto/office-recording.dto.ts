import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { RECEIVED_VIA, type ReceivedVia } from '@app/contracts';
import { Trim } from './transforms';

/** How the office received what it records for a unit: required on every office-recorded time. */
export class OfficeRecordingDto {
  @IsIn(RECEIVED_VIA, { message: `请选择收到方式（${RECEIVED_VIA.join('、')}）` })
  receivedVia: ReceivedVia;

  @Trim() @IsString() @MaxLength(200) @Matches(/\S/, { message: '请说明如何收到（如：5日 23:50 收到电子邮件）' })
  receivedNote: string;
}
