import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, IsUUID, MaxLength } from 'class-validator';
import { ORGANISATION_KINDS, OrganisationKind } from '@passerelle/domain';
import type { OrganisationEntity } from '../organisation.entity';
import { trim } from './theme.dto';

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Association des travailleurs migrants' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'ATM' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(30)
  acronym?: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS)
  kind!: OrganisationKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'the city of a local organisation or city department' })
  @IsOptional()
  @IsUUID()
  cityId?: string;

  @ApiPropertyOptional({ example: 'https://example.org' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(300)
  website?: string;
}

export class OrganisationQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'only the organisations of this city' })
  @IsOptional()
  @IsUUID()
  cityId?: string;
}

export class OrganisationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) acronym!: string | null;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind!: OrganisationKind;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) cityId!: string | null;
  @ApiProperty({ type: String, nullable: true }) website!: string | null;
}

export const mapOrganisation = (o: OrganisationEntity): OrganisationResponse => ({
  id: o.id,
  name: o.name,
  acronym: o.acronym,
  kind: o.kind,
  cityId: o.cityId,
  website: o.website,
});
