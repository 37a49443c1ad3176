import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/decorators';
import {
  AddThemesDto,
  CreateAdoptionDto,
  GoodPracticeAdoption,
  GoodPracticeResponse,
  ListGoodPracticesQuery,
} from './dto/good-practice.dto';
import { GoodPracticesService } from './good-practices.service';

@ApiTags('good-practices')
@ApiBearerAuth()
@Controller('good-practices')
export class GoodPracticesController {
  constructor(private readonly practices: GoodPracticesService) {}

  @Get()
  @ApiOperation({
    summary: 'The good-practice library: published practices, and unpublished ones the caller may read',
    description: 'Each with its themes and the cities and pilot projects that took it up. Published first.',
  })
  @ApiOkResponse({ type: GoodPracticeResponse, isArray: true })
  @ApiBadRequestResponse({ description: 'a filter is not valid (the field is named)' })
  list(@CurrentUser() user: AuthUser, @Query() query: ListGoodPracticesQuery): Promise<GoodPracticeResponse[]> {
    return this.practices.list(user, query);
  }

  @Get(':documentId')
  @ApiOkResponse({ type: GoodPracticeResponse })
  @ApiNotFoundResponse({ description: 'no such good practice within the caller’s reach' })
  get(@CurrentUser() user: AuthUser, @Param('documentId') documentId: string): Promise<GoodPracticeResponse> {
    return this.practices.get(user, documentId);
  }

  @Post(':documentId/themes')
  @HttpCode(200)
  @ApiOperation({ summary: 'Classifies the practice under more themes (those already set are kept)' })
  @ApiOkResponse({ type: GoodPracticeResponse })
  @ApiBadRequestResponse({ description: 'themeIds invalid or not themes of the programme' })
  @ApiForbiddenResponse({ description: 'only its city’s editors and coordinators classify a practice' })
  @ApiNotFoundResponse({ description: 'no such good practice within the caller’s reach' })
  addThemes(
    @CurrentUser() user: AuthUser,
    @Param('documentId') documentId: string,
    @Body() body: AddThemesDto,
  ): Promise<GoodPracticeResponse> {
    return this.practices.addThemes(user, documentId, body);
  }

  @Delete(':documentId/themes/:themeId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'the practice is no longer under this theme' })
  @ApiForbiddenResponse({ description: 'only its city’s editors and coordinators classify a practice' })
  @ApiNotFoundResponse({ description: 'no such practice within reach, or it is not under this theme' })
  async removeTheme(
    @CurrentUser() user: AuthUser,
    @Param('documentId') documentId: string,
    @Param('themeId') themeId: string,
  ): Promise<void> {
    await this.practices.removeTheme(user, documentId, themeId);
  }

  @Post(':documentId/adoptions')
  @ApiOperation({ summary: 'Records that a city (optionally through one of its pilot projects) took the practice up' })
  @ApiCreatedResponse({ type: GoodPracticeAdoption })
  @ApiBadRequestResponse({ description: 'invalid input, the practice’s own city, or a pilot project of another city' })
  @ApiForbiddenResponse({ description: 'only the city’s editors and coordinators record what it takes up' })
  @ApiNotFoundResponse({ description: 'no such practice or city within the caller’s reach' })
  @ApiConflictResponse({ description: 'already recorded' })
  addAdoption(
    @CurrentUser() user: AuthUser,
    @Param('documentId') documentId: string,
    @Body() body: CreateAdoptionDto,
  ): Promise<GoodPracticeAdoption> {
    return this.practices.addAdoption(user, documentId, body);
  }

  @Delete(':documentId/adoptions/:adoptionId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'removed' })
  @ApiForbiddenResponse({ description: 'only the adopting city’s editors and coordinators remove it' })
  @ApiNotFoundResponse({ description: 'no such practice or adoption within the caller’s reach' })
  async removeAdoption(
    @CurrentUser() user: AuthUser,
    @Param('documentId') documentId: string,
    @Param('adoptionId') adoptionId: string,
  ): Promise<void> {
    await this.practices.removeAdoption(user, documentId, adoptionId);
  }
}
