import type { DataSource } from 'typeorm';
import type { Channel, Level, Medium } from '@app/contracts';
import { Outlet } from '../../apps/api/src/outlets/outlet.entity';
import { nextSeq } from './sequence';

export class OutletFactory {
  constructor(private readonly ds: DataSource) {}

  async create(o: { officeId: number; level: Level; channel: Channel; code?: string; name?: string; medium?: Medium }): Promise<Outlet> {
    const n = nextSeq();
    return this.ds.getRepository(Outlet).save({
      officeId: o.officeId,
      code: (o.code ?? `O${n}`).toUpperCase(),
      name: o.name ?? `测试媒体${n}`,
      aliases: [],
      level: o.level,
      channel: o.channel,
      medium: o.medium ?? (o.channel === 'bulletin' ? 'bulletin' : 'newspaper'),
      active: true,
      placeholder: false,
    });
  }
}
