/**
 * The entity-type palette stays distinct for colour-blind readers: each pair of colours is still told
 * apart (CIELAB ΔE) after simulating protanopia, deuteranopia and tritanopia with the matrices of
 * Machado, Oliveira & Fernandes (2009, severity 1), and every colour stands out from the white stage.
 */
import { describe, expect, it } from "vitest";
import { TYPE_COLORS } from "../../src/graph/palette.js";
import { ENTITY_TYPES } from "../../src/types.js";

type Vec3 = [number, number, number];
type Mat3 = [Vec3, Vec3, Vec3];

const SIMULATIONS: Record<string, Mat3> = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
  none: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
};

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

function linearRgb(hex: string): Vec3 {
  const n = parseInt(hex.slice(1), 16);
  return [toLinear(((n >> 16) & 255) / 255), toLinear(((n >> 8) & 255) / 255), toLinear((n & 255) / 255)];
}

function times(m: Mat3, v: Vec3): Vec3 {
  return m.map((row) => Math.min(1, Math.max(0, row[0] * v[0] + row[1] * v[1] + row[2] * v[2]))) as Vec3;
}

/** Linear sRGB to CIELAB (D65). */
function lab([r, g, b]: Vec3): Vec3 {
  const xyz: Vec3 = [
    (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
    0.2126 * r + 0.7152 * g + 0.0722 * b,
    (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
  ];
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const [fx, fy, fz] = xyz.map(f) as Vec3;
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

const deltaE = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** The smallest ΔE between two entity types' colours as a reader with this vision sees them. */
function closestPair(colors: readonly string[], vision: Mat3): number {
  const seen = colors.map((c) => lab(times(vision, linearRgb(c))));
  let min = Infinity;
  for (let i = 0; i < seen.length; i++) for (let j = i + 1; j < seen.length; j++) min = Math.min(min, deltaE(seen[i]!, seen[j]!));
  return min;
}

describe("entity type palette", () => {
  const palette = ENTITY_TYPES.map((t) => TYPE_COLORS[t]);

  it("gives every entity type its own colour", () => {
    expect(new Set(palette).size).toBe(ENTITY_TYPES.length);
  });

  it.each(Object.keys(SIMULATIONS))("keeps every pair of types apart under %s (ΔE ≥ 15)", (vision) => {
    expect(closestPair(palette, SIMULATIONS[vision]!)).toBeGreaterThanOrEqual(15);
  });

  it("tells a palette that is not colour-blind safe (the one used before, ΔE 5.8 under deuteranopia)", () => {
    const before = ["#e4572e", "#3b82c4", "#2a9d8f", "#8ab17d", "#b07aa1", "#e9a03b"];
    expect(closestPair(before, SIMULATIONS["deuteranopia"]!)).toBeLessThan(15);
  });

  it("stands out from the white stage (ΔE ≥ 20)", () => {
    const white = lab([1, 1, 1]);
    for (const color of palette) expect(deltaE(lab(linearRgb(color)), white)).toBeGreaterThanOrEqual(20);
  });
});
