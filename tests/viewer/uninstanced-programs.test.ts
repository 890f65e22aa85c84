/** Sigma programs without instancing: each vertex carries its item's data and its own constants. */
import { beforeAll, describe, expect, it } from "vitest";

// sigma/rendering reads WebGL constants when it loads; outside a browser they are given here (real values).
const GL = { BOOL: 0x8b56, BYTE: 0x1400, UNSIGNED_BYTE: 0x1401, SHORT: 0x1402, UNSIGNED_SHORT: 0x1403, INT: 0x1404, UNSIGNED_INT: 0x1405, FLOAT: 0x1406, TRIANGLES: 4, POINTS: 0, LINES: 1 };
let withoutInstancing: typeof import("../../viewer/src/app/uninstanced-programs.js").withoutInstancing;

beforeAll(async () => {
  Object.assign(globalThis, { WebGLRenderingContext: GL, WebGL2RenderingContext: GL });
  ({ withoutInstancing } = await import("../../viewer/src/app/uninstanced-programs.js"));
});

/** An instanced program of three vertices whose items are a position, like sigma's node circles. */
class Circles {
  array = new Float32Array(0);
  getDefinition() {
    return {
      VERTICES: 3,
      VERTEX_SHADER_SOURCE: "",
      FRAGMENT_SHADER_SOURCE: "",
      METHOD: GL.TRIANGLES,
      UNIFORMS: [],
      ATTRIBUTES: [{ name: "a_position", size: 2, type: GL.FLOAT }, { name: "a_color", size: 4, type: GL.UNSIGNED_BYTE, normalized: true }],
      CONSTANT_ATTRIBUTES: [{ name: "a_angle", size: 1, type: GL.FLOAT }],
      CONSTANT_DATA: [[0], [2], [4]],
    };
  }
  processVisibleItem(_index: number, start: number, data: { x: number; y: number; color: number }): void {
    this.array[start++] = data.x;
    this.array[start++] = data.y;
    this.array[start++] = data.color;
  }
}

describe("programs without instancing", () => {
  it("moves the constant attributes among the per-vertex ones and drops the constant data", () => {
    const definition = new (withoutInstancing(Circles))().getDefinition();
    expect(definition.ATTRIBUTES.map((a) => a.name)).toEqual(["a_position", "a_color", "a_angle"]);
    expect("CONSTANT_DATA" in definition || "CONSTANT_ATTRIBUTES" in definition).toBe(false);
    expect([definition.VERTICES, definition.METHOD]).toEqual([3, GL.TRIANGLES]);
  });

  it("writes each item once per vertex, followed by that vertex's constants, where the item belongs", () => {
    const program = new (withoutInstancing(Circles))();
    program.array = new Float32Array(2 * 3 * 4).fill(-1);
    program.processVisibleItem(1, 12, { x: 5, y: 6, color: 7 });
    expect([...program.array]).toEqual([...Array(12).fill(-1), 5, 6, 7, 0, 5, 6, 7, 2, 5, 6, 7, 4]);
  });

  it("leaves a program that is not instanced as it is", () => {
    class Lines {
      array = new Float32Array(0);
      getDefinition() {
        return { VERTICES: 2, VERTEX_SHADER_SOURCE: "", FRAGMENT_SHADER_SOURCE: "", METHOD: GL.LINES, UNIFORMS: [], ATTRIBUTES: [] };
      }
      processVisibleItem(): void {}
    }
    expect(withoutInstancing(Lines)).toBe(Lines);
  });
});
