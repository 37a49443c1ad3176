import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The schema of a city's key figures in code; the SQL itself lives in IndicatorsRepository. */
@Entity('indicators')
export class IndicatorEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'city_id', type: 'uuid' }) cityId!: string;
  /** A key of INDICATOR_CATALOGUE (libs/domain). */
  @Column() key!: string;
  @Column({ name: 'value_numeric', type: 'numeric', precision: 16, scale: 2, nullable: true })
  valueNumeric!: string | null;
  @Column({ name: 'value_text', type: 'text', nullable: true }) valueText!: string | null;
  @Column({ type: 'smallint' }) year!: number;
  @Column() source!: string;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
