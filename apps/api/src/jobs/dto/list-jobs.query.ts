import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { JOB_STATUSES, type JobStatus } from '@app/contracts';
import { PageQuery } from '../../common/dto/page.query';

export class ListJobsQuery extends PageQuery {
  @IsOptional() @IsIn(JOB_STATUSES)
  status?: JobStatus;

  @IsOptional() @IsString() @MaxLength(60)
  name?: string;
}
