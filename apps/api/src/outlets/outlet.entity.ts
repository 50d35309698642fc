import { Column, Entity, Index } from 'typeorm';
import { CHANNELS, LEVELS, MEDIA, type Channel, type Level, type Medium } from '@app/contracts';
import { OfficeOwnedEntity } from '../database/base.entity';

/** 媒体 / 载体 / 刊物: where articles appear, with its level and channel. */
@Entity('outlets')
@Index(['officeId', 'code'], { unique: true })
@Index(['officeId', 'name'], { unique: true })
export class Outlet extends OfficeOwnedEntity {
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Other names people write in sheets (人民日报海外版 is not an alias; 人民网 may be its own outlet). */
  @Column({ type: 'simple-json' })
  aliases: string[];

  @Column({ type: 'simple-enum', enum: LEVELS })
  level: Level;

  @Column({ type: 'simple-enum', enum: CHANNELS })
  channel: Channel;

  @Column({ type: 'simple-enum', enum: MEDIA })
  medium: Medium;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Catalogue placeholders (省级/市级/区级 examples) the office is expected to rename. */
  @Column({ type: 'boolean', default: false })
  placeholder: boolean;
}
