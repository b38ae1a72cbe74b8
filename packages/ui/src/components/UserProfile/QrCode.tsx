import { useEffect, useMemo, useState } from 'react';
import { useElement } from '../../foundation';

type Encode = (typeof import('uqr'))['encode'];

/**
 * `value` as a QR code: one SVG `<path>` built from uqr's module matrix, with
 * one rectangle per run of dark modules in a row (a few hundred commands for
 * an otpauth:// URI). The four-module quiet zone is part of the matrix, and
 * latch.css paints it light in every theme, since scanners want dark on light.
 */
export function QrCode({ value, label }: { value: string; label: string }) {
  const styling = useElement('qrCode');
  const encode = useQrEncoder();
  const qr = useMemo(() => {
    if (!encode) return null;
    const { size, data } = encode(value, { ecc: 'M', border: 4 });
    return { size, path: darkRuns(data) };
  }, [encode, value]);
  // Until the encoder arrives: the same light square, busy, so the layout does not jump.
  return (
    <svg {...styling} role="img" aria-label={label} aria-busy={qr ? undefined : true} viewBox={`0 0 ${qr?.size ?? 1} ${qr?.size ?? 1}`} shapeRendering="crispEdges">
      {qr && <path d={qr.path} />}
    </svg>
  );
}

/**
 * The QR encoder (about 4 KB gzip) is loaded only when someone sets up
 * two-step verification, not with every page that shows a profile: the
 * secret is also shown as text, so the step is usable while it loads.
 */
function useQrEncoder(): Encode | null {
  const [encode, setEncode] = useState<Encode | null>(null);
  useEffect(() => {
    let live = true;
    void import('uqr').then((module) => live && setEncode(() => module.encode));
    return () => {
      live = false;
    };
  }, []);
  return encode;
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
