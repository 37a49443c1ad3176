import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ProgrammeResponse } from './dto/programme.dto';
import { ProgrammeService } from './programme.service';

@ApiTags('programme')
@ApiBearerAuth()
@Controller('programme')
export class ProgrammeController {
  constructor(private readonly programme: ProgrammeService) {}

  /** The programme with its partner organisations and themes. */
  @Get()
  @ApiOkResponse({ type: ProgrammeResponse })
  get(): Promise<ProgrammeResponse> {
    return this.programme.describe();
  }
}
