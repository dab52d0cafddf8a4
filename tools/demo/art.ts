import sharp from 'sharp';

/**
 * Procedural sample images for the demo catalog: SVG scenes rendered by sharp (librsvg), reproducible from a seed.
 * Each motif is a small generative "style" so a browse page of demo models looks like a gallery, not placeholders.
 */
export type Motif = 'ridges' | 'aurora' | 'bauhaus' | 'waves' | 'synth' | 'bloom' | 'mosaic' | 'ink';
export const MOTIFS: Motif[] = ['ridges', 'aurora', 'bauhaus', 'waves', 'synth', 'bloom', 'mosaic', 'ink'];

export type Palette = readonly [string, string, string, string, string];
export const PALETTES: Palette[] = [
  ['#0b1d3a', '#1f4e79', '#f2a541', '#f7d9a8', '#e9ecef'],
  ['#1a0f2e', '#5b2a86', '#ff6f91', '#ffc75f', '#f9f871'],
  ['#0f2e2a', '#2d6a4f', '#95d5b2', '#d8f3dc', '#f77f00'],
  ['#2b2d42', '#8d99ae', '#edf2f4', '#ef233c', '#d90429'],
  ['#14213d', '#e76f51', '#f4a261', '#e9c46a', '#2a9d8f'],
  ['#3d0c11', '#8e1c2a', '#e85d75', '#f6bd60', '#f7ede2'],
  ['#001219', '#005f73', '#0a9396', '#94d2bd', '#ee9b00'],
  ['#22223b', '#4a4e69', '#9a8c98', '#c9ada7', '#f2e9e4'],
  ['#10002b', '#3c096c', '#7b2cbf', '#c77dff', '#e0aaff'],
  ['#283618', '#606c38', '#fefae0', '#dda15e', '#bc6c25'],
];

/** A small seeded PRNG (mulberry32): the same seed paints the same picture. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const W = 832;
const H = 1216;

function scene(motif: Motif, p: Palette, r: () => number): string {
  const pick = () => p[Math.floor(r() * p.length)]!;
  const between = (a: number, b: number) => a + (b - a) * r();
  switch (motif) {
    case 'ridges': {
      const layers = Array.from({ length: 6 }, (_, i) => {
        const base = H * (0.32 + i * 0.11);
        let d = `M0 ${H} L0 ${base}`;
        const [f1, f2, a1, a2] = [between(90, 200), between(30, 60), between(40, 110), between(8, 22)];
        for (let x = 0; x <= W; x += 12)
          d += ` L${x} ${base - Math.sin(x / f1 + i * 1.7) * a1 - Math.sin(x / f2 + i) * a2}`;
        return `<path d="${d} L${W} ${H} Z" fill="${p[Math.min(i, 4)]}" opacity="${0.55 + i * 0.08}" filter="url(#soft)"/>`;
      });
      return `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p[4]}"/><stop offset="1" stop-color="${p[3]}"/></linearGradient><filter id="soft"><feGaussianBlur stdDeviation="2"/></filter></defs>
<rect width="${W}" height="${H}" fill="url(#sky)"/><circle cx="${between(200, 630)}" cy="${between(250, 420)}" r="${between(70, 130)}" fill="${p[2]}" opacity="0.9"/>${layers.reverse().join('')}`;
    }
    case 'aurora': {
      const blobs = Array.from(
        { length: 9 },
        () =>
          `<ellipse cx="${between(0, W)}" cy="${between(0, H)}" rx="${between(120, 300)}" ry="${between(100, 260)}" fill="${pick()}" opacity="${between(0.7, 1)}"/>`,
      );
      return `<defs><filter id="blur"><feGaussianBlur stdDeviation="55"/></filter><filter id="grain"><feTurbulence type="fractalNoise" baseFrequency="0.9" numOctaves="2"/><feColorMatrix values="0 0 0 0 0  0 0 0 0 0  0 0 0 0 0  0 0 0 0.08 0"/></filter></defs>
<rect width="${W}" height="${H}" fill="${p[0]}"/><g filter="url(#blur)">${blobs.join('')}</g><rect width="${W}" height="${H}" filter="url(#grain)"/>`;
    }
    case 'bauhaus': {
      const cell = 208;
      const shapes: string[] = [];
      for (let y = 0; y < H; y += cell)
        for (let x = 0; x < W; x += cell) {
          const c = pick();
          const k = Math.floor(r() * 4);
          shapes.push(`<rect x="${x}" y="${y}" width="${cell}" height="${cell}" fill="${pick()}"/>`);
          if (k === 0)
            shapes.push(`<circle cx="${x + cell / 2}" cy="${y + cell / 2}" r="${cell * 0.42}" fill="${c}"/>`);
          if (k === 1)
            shapes.push(`<path d="M${x} ${y + cell} L${x + cell} ${y + cell} L${x + cell} ${y} Z" fill="${c}"/>`);
          if (k === 2)
            shapes.push(
              `<path d="M${x} ${y} A${cell} ${cell} 0 0 1 ${x + cell} ${y + cell} L${x} ${y + cell} Z" fill="${c}"/>`,
            );
          if (k === 3)
            shapes.push(`<rect x="${x + cell * 0.3}" y="${y}" width="${cell * 0.4}" height="${cell}" fill="${c}"/>`);
        }
      return `<rect width="${W}" height="${H}" fill="${p[4]}"/>${shapes.join('')}`;
    }
    case 'waves': {
      const lines = Array.from({ length: 48 }, (_, i) => {
        const y0 = (i / 48) * H * 1.1;
        let d = `M-10 ${y0}`;
        for (let x = 0; x <= W + 20; x += 16)
          d += ` L${x} ${y0 + Math.sin(x / 90 + i * 0.35) * 40 + Math.sin(x / 37 + i) * 8}`;
        return `<path d="${d}" fill="none" stroke="${p[1 + (i % 4)]}" stroke-width="${between(3, 9)}" stroke-linecap="round" opacity="0.9"/>`;
      });
      return `<rect width="${W}" height="${H}" fill="${p[0]}"/>${lines.join('')}`;
    }
    case 'synth': {
      const stripes = Array.from(
        { length: 9 },
        (_, i) => `<rect x="0" y="${420 + i * 22}" width="${W}" height="${4 + i * 1.5}" fill="${p[0]}"/>`,
      );
      const grid = Array.from(
        { length: 22 },
        (_, i) =>
          `<line x1="${W / 2}" y1="${H * 0.62}" x2="${(i / 21) * W * 3 - W}" y2="${H}" stroke="${p[3]}" stroke-width="2" opacity="0.7"/>`,
      );
      const horizontals = Array.from({ length: 12 }, (_, i) => {
        const y = H * 0.62 + Math.pow(i / 12, 2) * H * 0.38;
        return `<line x1="0" y1="${y}" x2="${W}" y2="${y}" stroke="${p[3]}" stroke-width="2" opacity="0.7"/>`;
      });
      return `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p[0]}"/><stop offset="0.62" stop-color="${p[1]}"/></linearGradient><linearGradient id="sun" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p[4]}"/><stop offset="1" stop-color="${p[2]}"/></linearGradient><filter id="glow"><feGaussianBlur stdDeviation="14"/></filter></defs>
<rect width="${W}" height="${H}" fill="url(#sky)"/><circle cx="${W / 2}" cy="520" r="230" fill="${p[2]}" filter="url(#glow)" opacity="0.7"/><circle cx="${W / 2}" cy="520" r="210" fill="url(#sun)"/>${stripes.join('')}<rect y="${H * 0.62}" width="${W}" height="${H * 0.38}" fill="${p[0]}"/>${grid.join('')}${horizontals.join('')}`;
    }
    case 'bloom': {
      const petals = Array.from({ length: 14 }, (_, i) => {
        const a = (i / 14) * 360;
        return `<ellipse cx="${W / 2}" cy="${H / 2 - 190}" rx="78" ry="200" fill="${p[1 + (i % 3)]}" opacity="0.75" transform="rotate(${a} ${W / 2} ${H / 2})"/>`;
      });
      const dots = Array.from(
        { length: 60 },
        () =>
          `<circle cx="${between(0, W)}" cy="${between(0, H)}" r="${between(2, 7)}" fill="${p[4]}" opacity="${between(0.3, 0.9)}"/>`,
      );
      return `<defs><radialGradient id="bg"><stop offset="0" stop-color="${p[1]}"/><stop offset="1" stop-color="${p[0]}"/></radialGradient></defs>
<rect width="${W}" height="${H}" fill="url(#bg)"/>${dots.join('')}<g style="mix-blend-mode:screen">${petals.join('')}</g><circle cx="${W / 2}" cy="${H / 2}" r="70" fill="${p[4]}"/>`;
    }
    case 'mosaic': {
      const tiles: string[] = [];
      for (let i = 0; i < 140; i += 1) {
        const x = between(-50, W);
        const y = between(-50, H);
        const s = between(40, 160);
        tiles.push(
          `<rect x="${x}" y="${y}" width="${s}" height="${s}" rx="${s * 0.18}" fill="${pick()}" opacity="${between(0.55, 0.95)}" transform="rotate(${between(-30, 30)} ${x + s / 2} ${y + s / 2})"/>`,
        );
      }
      return `<rect width="${W}" height="${H}" fill="${p[0]}"/>${tiles.join('')}`;
    }
    case 'ink': {
      const strokes = Array.from({ length: 7 }, (_, i) => {
        const y = H * (0.3 + i * 0.09);
        let d = `M-20 ${y}`;
        for (let x = 0; x <= W + 160; x += 160)
          d += ` Q${x + 80} ${y - between(-120, 120)} ${x + 160} ${y + between(-40, 40)}`;
        return `<path d="${d}" fill="none" stroke="${p[0]}" stroke-width="${between(6, 40)}" stroke-linecap="round" opacity="${between(0.25, 0.8)}" filter="url(#bleed)"/>`;
      });
      return `<defs><filter id="paper"><feTurbulence type="fractalNoise" baseFrequency="0.02" numOctaves="4" seed="${Math.floor(r() * 100)}"/><feColorMatrix values="0 0 0 0 0.96  0 0 0 0 0.94  0 0 0 0 0.88  0 0 0 -0.6 1"/></filter><filter id="bleed"><feTurbulence type="fractalNoise" baseFrequency="0.04" numOctaves="2"/><feDisplacementMap in="SourceGraphic" scale="7"/><feGaussianBlur stdDeviation="1.2"/></filter></defs>
<rect width="${W}" height="${H}" fill="${p[4]}"/><rect width="${W}" height="${H}" filter="url(#paper)" opacity="0.7"/>${strokes.join('')}<circle cx="${between(520, 720)}" cy="${between(160, 300)}" r="${between(40, 80)}" fill="${p[3]}" opacity="0.85"/>`;
    }
  }
}

/** One sample image as PNG bytes. */
export async function paint(motif: Motif, palette: Palette, seed: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${scene(motif, palette, random(seed))}</svg>`;
  return sharp(Buffer.from(svg)).png({ compressionLevel: 6 }).toBuffer();
}
