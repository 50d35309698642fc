import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const DELIVERY_CHANNELS = ['email', 'wecom', 'dingtalk'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/**
 * One reminder to send outside the app: an e-mail to one person or a post to a group robot.
 * Written by the reminders job before it sends anything, so a retry (or a second worker)
 * sends only what is still pending: the dedupe key makes a reminder go out once.
 */
@Entity('notification_deliveries')
@Index(['officeId', 'sentAt'])
export class NotificationDelivery {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  officeId: number;

  @Column({ type: 'simple-enum', enum: DELIVERY_CHANNELS })
  channel: DeliveryChannel;

  /** The e-mail address, or `group` for a robot. */
  @Column({ type: 'varchar', length: 120 })
  recipient: string;

  /** channel + reminder (+ address): the same reminder is never sent twice on one channel. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 160 })
  dedupeKey: string;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** Why the last attempt failed (shown in Chinese on the jobs page through the job's error). */
  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime', nullable: true })
  sentAt: Date | null;
}
