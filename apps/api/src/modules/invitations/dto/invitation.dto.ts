import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CITY_ROLES, CityRole, GLOBAL_ROLES, GlobalRole, LIMITS } from '@passerelle/domain';
import { Transform } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const normaliseEmail = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class CreateInvitationDto {
  @ApiProperty({ example: 'new.editor@example.org', maxLength: LIMITS.emailMaxLength })
  @Transform(normaliseEmail)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(LIMITS.emailMaxLength)
  email!: string;

  /** The city the person joins; give `cityRole` with it. */
  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf((o: CreateInvitationDto) => o.cityId !== undefined || o.cityRole !== undefined)
  @IsDefined({ message: 'cityId is required when cityRole is given' })
  @IsUUID('all', { message: 'cityId must be a UUID' })
  cityId?: string;

  @ApiPropertyOptional({ enum: CITY_ROLES })
  @ValidateIf((o: CreateInvitationDto) => o.cityId !== undefined || o.cityRole !== undefined)
  @IsDefined({ message: 'cityRole is required when cityId is given' })
  @IsIn(CITY_ROLES)
  cityRole?: CityRole;

  /** Only admins may invite coordinators and admins. */
  @ApiPropertyOptional({ enum: GLOBAL_ROLES, default: 'member' })
  @IsOptional()
  @IsIn(GLOBAL_ROLES)
  globalRole?: GlobalRole;
}

export class AcceptInvitationDto {
  /** Required when the invitation creates a new account; ignored for an existing one. */
  @ApiPropertyOptional({ maxLength: LIMITS.nameMaxLength })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.nameMaxLength)
  name?: string;

  /** The new account's password (at least LIMITS.passwordMinLength characters), or the existing account's. */
  @ApiProperty({ maxLength: LIMITS.passwordMaxLength })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.passwordMaxLength)
  password!: string;
}

export class InvitationBody {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) cityId!: string | null;
  @ApiProperty({ enum: CITY_ROLES, nullable: true, type: String }) cityRole!: CityRole | null;
  @ApiProperty({ enum: GLOBAL_ROLES }) globalRole!: GlobalRole;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class CreatedInvitationBody extends InvitationBody {
  /** The one-time link to hand to the person (it is also written to the server log). */
  @ApiProperty({ example: 'http://localhost:3000/invite/3q2-…' }) link!: string;
}

export class PendingInvitationBody extends InvitationBody {
  @ApiProperty({ nullable: true, type: String }) cityName!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) invitedById!: string | null;
  @ApiProperty({ nullable: true, type: String }) invitedByName!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

/** What the invitee sees before accepting. */
export class InvitationPreviewBody {
  @ApiProperty() email!: string;
  @ApiProperty({ nullable: true, type: String }) cityName!: string | null;
  @ApiProperty({ enum: CITY_ROLES, nullable: true, type: String }) cityRole!: CityRole | null;
  @ApiProperty({ enum: GLOBAL_ROLES }) globalRole!: GlobalRole;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  /** True when an active account has this email: accepting then asks for its password, not a name. */
  @ApiProperty() existingAccount!: boolean;
}
