import { Migration } from '@mikro-orm/migrations';

/**
 * Content of embeddings and of refused / failed requests (docs/adr/0012): which endpoint a row came
 * from and how the request ended, from `gh.evt.content.captured.v2`. Rows of v1 captures were
 * answered chat requests: `completed`, endpoint unknown.
 */
export class Migration20261220000000ContentOutcome extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table audit_content
      add column if not exists endpoint text null,
      add column if not exists outcome text not null default 'completed',
      add column if not exists error_code text null,
      add column if not exists http_status integer null`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table audit_content drop column if exists http_status, drop column if exists error_code, drop column if exists outcome, drop column if exists endpoint');
  }
}
