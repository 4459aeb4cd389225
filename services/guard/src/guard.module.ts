import { Module } from '@nestjs/common';
import { ScanHandler } from './scan/scan.handler';

@Module({ controllers: [ScanHandler] })
export class GuardModule {}
