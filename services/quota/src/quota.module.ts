import { Module } from '@nestjs/common';

/** Quota's admissions are served per partition by the engine (not Nest handlers); the module hosts the ping. */
@Module({})
export class QuotaModule {}
