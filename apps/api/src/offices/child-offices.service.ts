import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { NoticesService } from '../notices/notices.service';
import { QuartersService } from '../publication/quarters.service';
import { OfficesService } from './offices.service';

/**
 * What an office's leaders and office staff may open of the offices below them: the published
 * notices and rankings, read-only. They read them as a leader of that office would (the read is
 * marked on the notice, a download is audited there), and only through the read methods.
 */
@Injectable()
export class ChildOfficesService {
  constructor(
    private readonly offices: OfficesService,
    private readonly notices: NoticesService,
    private readonly quarters: QuartersService,
  ) {}

  async list(user: AuthUser, officeId: number) {
    return this.notices.list(await this.readerOf(user, officeId));
  }

  async notice(user: AuthUser, officeId: number, noticeId: number) {
    return this.notices.view(await this.readerOf(user, officeId), noticeId);
  }

  async download(user: AuthUser, officeId: number, noticeId: number, format: 'docx' | 'xlsx') {
    return this.notices.download(await this.readerOf(user, officeId), noticeId, format);
  }

  /** A published ranking of the office below (the snapshot frozen at publication). */
  async ranking(user: AuthUser, officeId: number, quarter: string, revision: number) {
    return this.quarters.snapshot(await this.readerOf(user, officeId), quarter, revision);
  }

  private async readerOf(user: AuthUser, officeId: number): Promise<AuthUser> {
    const office = await this.offices.findBelow(user, officeId);
    return { id: user.id, username: user.username, displayName: user.displayName, role: 'leader', officeId: office.id, unitId: null };
  }
}
