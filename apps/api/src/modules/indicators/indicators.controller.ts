import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/decorators';
import {
  CompareIndicatorsQuery,
  ComparedValue,
  ComparisonResponse,
  IndicatorResponse,
  ListIndicatorsQuery,
  UpsertIndicatorsDto,
} from './dto/indicator.dto';
import { IndicatorsService } from './indicators.service';

@ApiTags('indicators')
@ApiBearerAuth()
@ApiExtraModels(ComparedValue)
@Controller()
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @Get('indicators')
  @ApiOperation({ summary: 'Key figures (every year) of the cities whose workspace the caller reads' })
  @ApiOkResponse({ type: [IndicatorResponse] })
  @ApiNotFoundResponse({ description: 'no such city within the caller’s reach' })
  list(@CurrentUser() user: AuthUser, @Query() query: ListIndicatorsQuery): Promise<IndicatorResponse[]> {
    return this.indicators.list(user, query.cityId);
  }

  @Get('indicators/compare')
  @ApiOperation({ summary: 'Cities × indicators: the latest year of each figure, with its year and source' })
  @ApiOkResponse({ type: ComparisonResponse })
  @ApiBadRequestResponse({ description: 'an unknown key or a malformed city id (the field is named)' })
  compare(@CurrentUser() user: AuthUser, @Query() query: CompareIndicatorsQuery): Promise<ComparisonResponse> {
    return this.indicators.compare(user, query);
  }

  @Get('indicators/compare.csv')
  @ApiOperation({ summary: 'The comparison as CSV (UTF-8 with a byte order mark, for spreadsheets)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'RFC 4180 CSV with a header row', schema: { type: 'string' } })
  async compareCsv(
    @CurrentUser() user: AuthUser,
    @Query() query: CompareIndicatorsQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const body = await this.indicators.compareCsv(user, query);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8; header=present');
    res.setHeader('Content-Disposition', 'attachment; filename="passerelle-indicators.csv"');
    return body;
  }

  @Put('cities/:cityId/indicators')
  @ApiOperation({
    summary: 'Adds or replaces figures of the city, by (key, year)',
    description: 'Editors of the city and coordinators. Answers with every figure of the city.',
  })
  @ApiOkResponse({ type: [IndicatorResponse] })
  @ApiBadRequestResponse({ description: 'invalid input (the field is named, e.g. indicators.0.valueNumeric)' })
  @ApiForbiddenResponse({ description: 'the caller reads the city but may not change its figures' })
  @ApiNotFoundResponse({ description: 'no such city within the caller’s reach' })
  upsert(
    @CurrentUser() user: AuthUser,
    @Param('cityId') cityId: string,
    @Body() body: UpsertIndicatorsDto,
  ): Promise<IndicatorResponse[]> {
    return this.indicators.upsert(user, cityId, body.indicators);
  }

  @Delete('indicators/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'the caller reads the city but may not change its figures' })
  @ApiNotFoundResponse({ description: 'no such figure within the caller’s reach' })
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.indicators.remove(user, id);
  }
}
