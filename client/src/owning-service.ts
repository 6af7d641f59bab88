// Which service a file belongs to, for the status bar: kept free of the `vscode` module so
// that it can be tested on its own.

import type { ReadinessReport, ServiceReport } from '../../server/src/protocol/report';

/** The service whose files include `uri`, else the one whose manifest folder is the nearest above it. */
export function owningService(report: ReadinessReport, uri: string): ServiceReport | undefined {
  const direct = report.services.find((s) => s.files.includes(uri));
  if (direct) return direct;
  let best: ServiceReport | undefined;
  let bestLength = -1;
  for (const service of report.services) {
    const folder = service.file.uri.slice(0, service.file.uri.lastIndexOf('/') + 1);
    if (uri.startsWith(folder) && folder.length > bestLength) {
      best = service;
      bestLength = folder.length;
    }
  }
  return best;
}
