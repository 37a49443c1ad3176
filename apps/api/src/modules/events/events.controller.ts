import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
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
import { CreateEventDto, EventResponse, ListEventsQuery, UpdateEventDto } from './dto/event.dto';
import { EventsService } from './events.service';

const NOT_FOUND = 'no such event in the caller’s programmes';
const FORBIDDEN = 'only coordinators manage events';
const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

function sendCalendar(res: Response, filename: string, body: string): string {
  res.setHeader('Content-Type', CALENDAR_TYPE);
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  return body;
}

@ApiTags('events')
@ApiBearerAuth()
@Controller()
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Get('events')
  @ApiOperation({ summary: 'The programme calendar: every event of the programmes the caller takes part in' })
  @ApiOkResponse({ type: [EventResponse] })
  @ApiBadRequestResponse({ description: 'a filter is not valid (the field is named)' })
  list(@CurrentUser() user: AuthUser, @Query() query: ListEventsQuery): Promise<EventResponse[]> {
    return this.events.list(user, query);
  }

  /** Declared before `events/:id` so that the file name is not read as an id. */
  @Get('events.ics')
  @ApiOperation({ summary: 'The caller’s calendar (same filters as the list) as iCalendar' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'an RFC 5545 VCALENDAR', schema: { type: 'string' } })
  async calendar(
    @CurrentUser() user: AuthUser,
    @Query() query: ListEventsQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return sendCalendar(res, 'passerelle-events.ics', await this.events.icalAll(user, query));
  }

  @Post('events')
  @ApiOperation({ summary: 'Creates an event and its minutes document (kind minutes, from its template)' })
  @ApiCreatedResponse({ type: EventResponse })
  @ApiBadRequestResponse({ description: 'invalid input (the field is named)' })
  @ApiForbiddenResponse({ description: FORBIDDEN })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateEventDto): Promise<EventResponse> {
    return this.events.create(user, body);
  }

  @Get('events/:id')
  @ApiOkResponse({ type: EventResponse })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<EventResponse> {
    return this.events.get(user, id);
  }

  @Patch('events/:id')
  @ApiOkResponse({ type: EventResponse })
  @ApiBadRequestResponse({ description: 'invalid input (the field is named)' })
  @ApiForbiddenResponse({ description: FORBIDDEN })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: UpdateEventDto): Promise<EventResponse> {
    return this.events.update(user, id, body);
  }

  @Delete('events/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deletes the event; its minutes document stays' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: FORBIDDEN })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.events.remove(user, id);
  }

  @Get('events/:id/ical')
  @ApiOperation({ summary: 'The event as an iCalendar file' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'an RFC 5545 VCALENDAR with one VEVENT', schema: { type: 'string' } })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async ical(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const body = await this.events.icalOne(user, id);
    return sendCalendar(res, `passerelle-event-${id}.ics`, body);
  }
}
