import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { GlobalRole, Language } from '@passerelle/domain';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() email!: string;
  @Column() name!: string;
  @Column({ name: 'password_hash', type: 'text', nullable: true }) passwordHash!: string | null;
  @Column({ type: 'varchar' }) role!: GlobalRole;
  @Column() active!: boolean;
  @Column({ type: 'varchar', nullable: true }) language!: Language | null;
  /** Raised to invalidate every token issued before (deactivation, role change, sign-out everywhere). */
  @Column({ name: 'token_version' }) tokenVersion!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
