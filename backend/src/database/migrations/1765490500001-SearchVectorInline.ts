import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keeps an appeal's search vector in its row (compressed), not in the TOAST table. An appeal's
 * row is ~2 kB, over the 2 kB TOAST threshold, and the vector (~1.1 kB compressed) is its
 * widest field, so PostgreSQL moved it out of line: a search then read each candidate's vector
 * through the TOAST index and its chunks. A common word among one citizen's 2,000 appeals (the
 * 1M-appeal bench dataset, test/bench/README.md): 6,161 buffers and 15.7–17.9 ms before, 2,031
 * buffers and 7.3–7.4 ms with the vectors inline; the table's heap is 19 % larger (1,637 → 1,956
 * MB). With STORAGE MAIN the text (`body`, EXTENDED) goes out of line first; the card still reads
 * it, a list or a search does not. Applies to rows written from now on: an appeal stored earlier
 * moves its vector in at its next update (metadata only here, no rewrite of the table).
 */
export class SearchVectorInline1765490500001 implements MigrationInterface {
  name = 'SearchVectorInline1765490500001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE appeals ALTER COLUMN search_vector SET STORAGE MAIN`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE appeals ALTER COLUMN search_vector SET STORAGE EXTENDED`);
  }
}
