import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/decorators';
import { CreateOrganisationDto, OrganisationQueryDto, OrganisationResponse } from './dto/organisation.dto';
import { ProgrammeService } from './programme.service';

@ApiTags('programme')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly programme: ProgrammeService) {}

  @Get()
  @ApiOkResponse({ type: [OrganisationResponse] })
  list(@Query() query: OrganisationQueryDto): Promise<OrganisationResponse[]> {
    return this.programme.listOrganisations(query.cityId);
  }

  /** Coordinators and admins register partner and local organisations. 409 when the name is taken. */
  @Post()
  @ApiCreatedResponse({ type: OrganisationResponse })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateOrganisationDto): Promise<OrganisationResponse> {
    return this.programme.createOrganisation(user, dto);
  }
}
