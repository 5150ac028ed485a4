export { exportCases, type ExportCase } from './export-cases.ts';
export { readExportOperations, type ExportOperation } from './export-operations.ts';
export { EXPORT_FORMATS, formatOfMediaType, isExportFormat, MEDIA_TYPES, type ExportFormat } from './formats.ts';
export { isJsonObject, resolveRef, type JsonObject, type OpenApiDocument } from './refs.ts';
