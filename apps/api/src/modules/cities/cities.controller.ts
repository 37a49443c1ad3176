import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/decorators';
import { CitiesService } from './cities.service';
import { CityResponse, UpdateCityDto } from './dto/city.dto';

@ApiTags('cities')
@ApiBearerAuth()
@Controller('cities')
export class CitiesController {
  constructor(private readonly cities: CitiesService) {}

  /** Every partner city, with the caller's own role in each. */
  @Get()
  @ApiOkResponse({ type: [CityResponse] })
  list(@CurrentUser() user: AuthUser): Promise<CityResponse[]> {
    return this.cities.list(user);
  }

  @Get(':idOrSlug')
  @ApiOkResponse({ type: CityResponse })
  get(@CurrentUser() user: AuthUser, @Param('idOrSlug') idOrSlug: string): Promise<CityResponse> {
    return this.cities.get(user, idOrSlug);
  }

  /** Coordinators and admins change a city's phase, description or working languages. */
  @Patch(':id')
  @ApiOkResponse({ type: CityResponse })
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: UpdateCityDto): Promise<CityResponse> {
    return this.cities.update(user, id, dto);
  }
}
