import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/decorators';
import { CreateThemeDto, ThemeResponse, UpdateThemeDto } from './dto/theme.dto';
import { ProgrammeService } from './programme.service';

@ApiTags('programme')
@ApiBearerAuth()
@Controller('themes')
export class ThemesController {
  constructor(private readonly programme: ProgrammeService) {}

  @Get()
  @ApiOkResponse({ type: [ThemeResponse] })
  list(): Promise<ThemeResponse[]> {
    return this.programme.listThemes();
  }

  /** Coordinators and admins add shared priorities. 409 when the slug is taken. */
  @Post()
  @ApiCreatedResponse({ type: ThemeResponse })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateThemeDto): Promise<ThemeResponse> {
    return this.programme.createTheme(user, dto);
  }

  @Patch(':id')
  @ApiOkResponse({ type: ThemeResponse })
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: UpdateThemeDto): Promise<ThemeResponse> {
    return this.programme.updateTheme(user, id, dto);
  }
}
