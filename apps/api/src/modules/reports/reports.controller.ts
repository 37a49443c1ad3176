import { Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/decorators';
import { DOCX_TYPE } from '../documents/content/document-renderer';
import { ProgrammeReportQuery } from './dto/report.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('programme')
  @ApiOperation({
    summary: 'The programme report of a period: published documents and pilot projects’ progress, city by city',
    description:
      'A print-ready HTML page (A4) or a Word file. The period is whole days, both ends included. ' +
      'Coordinators and admins only.',
  })
  @ApiOkResponse({
    description: 'the report',
    content: {
      'text/html': { schema: { type: 'string' } },
      [DOCX_TYPE]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiBadRequestResponse({ description: 'a date is not a valid YYYY-MM-DD, or to is before from (the field is named)' })
  @ApiForbiddenResponse({ description: 'the caller is not a coordinator or an admin' })
  async programme(
    @CurrentUser() user: AuthUser,
    @Query() query: ProgrammeReportQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    const rendered = await this.reports.programmeReport(user, query);
    res.set(rendered.headers);
    return rendered.body;
  }
}
