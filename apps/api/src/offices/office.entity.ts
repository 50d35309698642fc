import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An organization department office (示例区委组织部办公室) that owns units, outlets and schemes. */
@Entity('offices')
export class Office {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Short name of the district or city, used in notice titles (全区 / 全市). */
  @Column({ type: 'varchar', length: 50 })
  regionName: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
