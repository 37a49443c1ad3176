import { ApiProperty } from '@nestjs/swagger';
import type { ProgrammeEntity } from '../programme.entity';
import { OrganisationResponse } from './organisation.dto';
import { ThemeResponse } from './theme.dto';

export class ProgrammeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'mc2cm' }) slug!: string;
  @ApiProperty({ example: 'Mediterranean City-to-City Migration' }) name!: string;
  @ApiProperty({ example: 'MC2CM' }) acronym!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [OrganisationResponse], description: 'the partner organisations' })
  organisations!: OrganisationResponse[];
  @ApiProperty({ type: [ThemeResponse] }) themes!: ThemeResponse[];
}

export const mapProgramme = (
  programme: ProgrammeEntity,
  organisations: OrganisationResponse[],
  themes: ThemeResponse[],
): ProgrammeResponse => ({
  id: programme.id,
  slug: programme.slug,
  name: programme.name,
  acronym: programme.acronym,
  description: programme.description,
  organisations,
  themes,
});
