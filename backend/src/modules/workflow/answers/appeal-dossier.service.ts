import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/clock/clock';
import { Actor } from '../../../common/http/actor';
import { Locale } from '../../../common/i18n/messages';
import { renderPdf } from '../../../common/pdf/pdfmake';
import { AppealQueryService } from '../../appeals/appeal-query.service';
import { AppealAnswersService } from './appeal-answers.service';
import { dossierDefinition } from './appeal-dossier';

/**
 * The per-appeal dossier (issue 18): the card as its reader may see it (the same access check:
 * anyone else's appeal is «not found»; a staff reader's view is logged as the card's is), rendered
 * with the bundled Cyrillic font, with the verification code of the signed answer.
 */
@Injectable()
export class AppealDossierService {
  constructor(
    private readonly query: AppealQueryService,
    private readonly answers: AppealAnswersService,
    private readonly clock: Clock,
  ) {}

  async render(actor: Actor, idOrNumber: string, locale: Locale): Promise<{ body: Buffer; filename: string }> {
    const card = await this.query.card(actor, idOrNumber, locale);
    const code = card.answer ? await this.answers.verificationCode(actor, card.id, locale) : null;
    const body = await renderPdf(dossierDefinition(card, code, locale, this.clock.now()));
    return { body, filename: `appeal-${card.number ?? card.id}-dossier.pdf` };
  }
}
