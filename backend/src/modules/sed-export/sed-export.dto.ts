import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SedExportPackage } from './sed-export-package.entity';

export enum SedPackageStatusDto {
  Exported = 'exported',
  Acknowledged = 'acknowledged',
}

export class SedPackageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The window the package covers starts after this (null: the first package)' }) windowFrom: string | null;
  @ApiProperty({ format: 'date-time', description: 'Registrations and answers up to this time are in it' }) windowTo: string;
  @ApiProperty({ enum: ['dir', 's3'], enumName: 'SedExportTarget' }) target: 'dir' | 's3';
  @ApiProperty({ description: 'The package folder or S3 key prefix' }) location: string;
  @ApiProperty() appealCount: number;
  @ApiProperty() answerCount: number;
  @ApiProperty() fileCount: number;
  @ApiProperty({ type: [Number] }) appealNumbers: number[];
  @ApiProperty({ description: 'SHA-256 of the package manifest' }) manifestSha256: string;
  @ApiProperty({ enum: SedPackageStatusDto, enumName: 'SedPackageStatus', description: 'acknowledged: the СЭД sent its receipt' }) status: SedPackageStatusDto;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acknowledgedAt: string | null;

  static of(p: SedExportPackage): SedPackageDto {
    return {
      id: p.id,
      createdAt: p.createdAt.toISOString(),
      windowFrom: p.windowFrom?.toISOString() ?? null,
      windowTo: p.windowTo.toISOString(),
      target: p.target,
      location: p.location,
      appealCount: p.appealCount,
      answerCount: p.answerCount,
      fileCount: p.fileCount,
      appealNumbers: p.appealNumbers,
      manifestSha256: p.manifestSha256,
      status: p.status as SedPackageStatusDto,
      acknowledgedAt: p.acknowledgedAt?.toISOString() ?? null,
    };
  }
}

export class SedPackageListDto {
  @ApiProperty({ type: [SedPackageDto] }) items: SedPackageDto[];
}

export enum SedReceiptOutcome {
  Applied = 'applied',
  AlreadyApplied = 'already_applied',
  UnknownPackage = 'unknown_package',
  Invalid = 'invalid',
}

export class SedReceiptReportDto {
  @ApiProperty() file: string;
  @ApiProperty({ format: 'uuid' }) packageId: string;
  @ApiProperty({ enum: SedReceiptOutcome, enumName: 'SedReceiptOutcome' }) outcome: SedReceiptOutcome;
  @ApiProperty({ type: [Number], description: 'Appeals marked «передано в СЭД» now' }) marked: number[];
  @ApiProperty({ type: [Number], description: 'Named again: marked by an earlier receipt' }) already: number[];
  @ApiProperty({ type: [Number], description: 'Numbers that are not appeals of this package (reported, not fatal)' }) unknown: number[];
  @ApiPropertyOptional({ description: 'Why an invalid receipt was set aside (moved to rejected/)' }) error?: string;
}

export class SedExportRunDto {
  @ApiProperty({ type: SedPackageDto, nullable: true, description: 'The package written now; null when nothing was registered or answered since the last one' })
  package: SedPackageDto | null;
  @ApiProperty({ type: [SedReceiptReportDto], description: 'Receipts found and applied before the export' }) receipts: SedReceiptReportDto[];
  @ApiProperty({ type: [String], description: 'Leftovers of an interrupted run removed from the target (package ids)' }) removedPartials: string[];
  @ApiProperty({ type: [String], description: 'Attachments left out of the package (not downloadable: infected or not yet scanned), as id:status' }) skippedFiles: string[];
}

export class SedReceiptsRunDto {
  @ApiProperty({ type: [SedReceiptReportDto] }) receipts: SedReceiptReportDto[];
}
