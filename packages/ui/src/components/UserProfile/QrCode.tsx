import { useMemo } from 'react';
import { encode } from 'uqr';
import { useElement } from '../../foundation';

/**
 * `value` as a QR code: one SVG `<path>` built from uqr's module matrix, with
 * one rectangle per run of dark modules in a row (a few hundred commands for
 * an otpauth:// URI). The four-module quiet zone is part of the matrix, and
 * latch.css paints it light in every theme, since scanners want dark on light.
 */
export function QrCode({ value, label }: { value: string; label: string }) {
  const styling = useElement('qrCode');
  const { size, path } = useMemo(() => {
    const qr = encode(value, { ecc: 'M', border: 4 });
    return { size: qr.size, path: darkRuns(qr.data) };
  }, [value]);
  return (
    <svg {...styling} role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} shapeRendering="crispEdges">
      <path d={path} />
    </svg>
  );
}

function darkRuns(rows: boolean[][]): string {
  let path = '';
  rows.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (row[x]) x++;
      path += `M${start} ${y}h${x - start}v1h-${x - start}z`;
    }
  });
  return path;
}
