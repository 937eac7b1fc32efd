import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../../common/http/actor';
import { Authenticated } from '../../auth/auth.decorators';
import { QueueSavedFilterDto, SaveQueueFilterDto } from './queue-filters.dto';
import { QueueFiltersService } from './queue-filters.service';

/** The signed-in operator's or supervisor's saved views of the queue (issue 15). */
@ApiTags('staff')
@Controller({ path: 'staff/queue-filters', version: '1' })
export class QueueFiltersController {
  constructor(private readonly filters: QueueFiltersService) {}

  @Get()
  @Authenticated(Role.Operator, Role.Supervisor)
  @ApiOperation({ summary: 'My saved views of the queue, by name', operationId: 'listQueueFilters' })
  @ApiOkResponse({ type: [QueueSavedFilterDto] })
  list(@CurrentActor() actor: Actor): Promise<QueueSavedFilterDto[]> {
    return this.filters.list(actor);
  }

  @Post()
  @Authenticated(Role.Operator, Role.Supervisor)
  @ApiOperation({ summary: 'Save the queue filters under a name (unique per user)', operationId: 'createQueueFilter' })
  @ApiCreatedResponse({ type: QueueSavedFilterDto })
  create(@CurrentActor() actor: Actor, @Body() dto: SaveQueueFilterDto): Promise<QueueSavedFilterDto> {
    return this.filters.create(actor, dto);
  }

  @Put(':id')
  @Authenticated(Role.Operator, Role.Supervisor)
  @ApiOperation({ summary: 'Rename a saved view or replace its filters', operationId: 'updateQueueFilter' })
  @ApiOkResponse({ type: QueueSavedFilterDto })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SaveQueueFilterDto): Promise<QueueSavedFilterDto> {
    return this.filters.update(actor, id, dto);
  }

  @Delete(':id')
  @Authenticated(Role.Operator, Role.Supervisor)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a saved view', operationId: 'deleteQueueFilter' })
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.filters.remove(actor, id);
  }
}
