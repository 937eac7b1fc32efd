import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor } from '../../common/http/actor';
import { Authenticated } from '../auth/auth.decorators';
import { QUEUE_BOARD_PATH, QueueBoardSessions } from './queue-board';

export class QueueBoardDto {
  @ApiProperty({ description: 'Bull Board runs with Redis (BullMQ) only; false in the embedded mode' }) available: boolean;
  @ApiProperty({ nullable: true, type: String, example: `${QUEUE_BOARD_PATH}/`, description: 'Where the board is, when available' }) url: string | null;
}

export class QueueBoardSessionDto {
  @ApiProperty({ example: `${QUEUE_BOARD_PATH}/` }) url: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

/** Bull Board for admins: whether it is there, and a short-lived cookie that lets the browser open it. */
@ApiTags('admin')
@Controller({ path: 'admin/queues/board', version: '1' })
export class QueueBoardController {
  constructor(private readonly sessions: QueueBoardSessions) {}

  @Get()
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Whether Bull Board is available (Redis mode) and where', operationId: 'getQueueBoard' })
  @ApiOkResponse({ type: QueueBoardDto })
  board(): QueueBoardDto {
    return { available: this.sessions.available, url: this.sessions.available ? `${QUEUE_BOARD_PATH}/` : null };
  }

  @Post('session')
  @HttpCode(200)
  @Authenticated(Role.Admin)
  @ApiOperation({
    summary: 'Open a Bull Board session: a 10-minute HttpOnly, SameSite=Strict cookie scoped to the board (audited)',
    description: 'The board\u2019s pages cannot carry the bearer token, so they are let in by this cookie; without it the board answers 403.',
    operationId: 'openQueueBoardSession',
  })
  @ApiOkResponse({ type: QueueBoardSessionDto })
  @ApiConflictResponse({ description: 'queue_board_unavailable: no Redis (embedded mode), no board' })
  async open(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<QueueBoardSessionDto> {
    const { cookie, expiresAt } = await this.sessions.open(actor);
    void reply.header('Set-Cookie', cookie);
    return { url: `${QUEUE_BOARD_PATH}/`, expiresAt };
  }
}
