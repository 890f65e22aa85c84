/**
 * Sigma's WebGL programs drawn without instancing. Sigma v3 draws every node and edge as an instance of a
 * few constant vertices; SwiftShader (the software WebGL of headless and GPU-less browsers) runs each
 * instance as a draw of its own, about 30 µs apiece: some 170 ms of work per frame for 1,000 nodes and
 * 700 edges, paid on every redraw (selection, camera step). Written out vertex by vertex, the same
 * triangles in the same order are one draw: the picture is the same, on any GPU as well.
 */
import { createEdgeCompoundProgram, EdgeArrowHeadProgram, EdgeClampedProgram, EdgeRectangleProgram, NodeCircleProgram, getAttributesItemsCount } from "sigma/rendering";
import type { EdgeProgramType, NodeProgramType, ProgramDefinition, InstancedProgramDefinition } from "sigma/rendering";
import type { Attributes } from "graphology-types";

/** What the conversion needs of a sigma program class (node or edge). */
interface InstancedProgram {
  array: Float32Array;
  getDefinition(): ProgramDefinition | InstancedProgramDefinition;
  processVisibleItem(index: number, startIndex: number, ...data: never[]): void;
}
type ProgramClass<P> = abstract new (...args: never[]) => P;

/**
 * The program of `Base` without instancing: its per-item attributes are followed, for each vertex, by
 * that vertex's constant attributes (sigma's layout when a program has no constant data). Programs
 * that are not instanced are returned as they are. Every vertex of an item repeats the item's data, so
 * the triangles (sigma's programs draw TRIANGLES) come out as the instances did.
 */
export function withoutInstancing<C extends abstract new (...args: never[]) => object>(Base: C): C {
  const Program = Base as unknown as ProgramClass<InstancedProgram>;
  const definition = (Program.prototype as InstancedProgram).getDefinition();
  if (!("CONSTANT_DATA" in definition)) return Base;
  const { CONSTANT_ATTRIBUTES, CONSTANT_DATA, ...perItem } = definition;
  const itemSize = getAttributesItemsCount(perItem.ATTRIBUTES);
  const flat: ProgramDefinition = { ...perItem, ATTRIBUTES: [...perItem.ATTRIBUTES, ...CONSTANT_ATTRIBUTES] };
  // One item as the instanced program writes it, before it is copied to each vertex.
  const item = new Float32Array(itemSize);
  abstract class Uninstanced extends Program {
    getDefinition(): ProgramDefinition {
      return flat;
    }
    processVisibleItem(index: number, startIndex: number, ...data: never[]): void {
      const array = this.array;
      this.array = item;
      try {
        super.processVisibleItem(index, 0, ...data);
      } finally {
        this.array = array;
      }
      for (let v = 0, i = startIndex; v < CONSTANT_DATA.length; v++) {
        for (let k = 0; k < itemSize; k++) array[i++] = item[k]!;
        for (const value of CONSTANT_DATA[v]!) array[i++] = value;
      }
    }
  }
  return Uninstanced as unknown as C;
}

/** Sigma's default node and edge programs (circles; arrows and lines), without instancing. */
export function uninstancedPrograms<N extends Attributes, E extends Attributes, G extends Attributes>(): {
  nodes: Record<"circle", NodeProgramType<N, E, G>>;
  edges: Record<"arrow" | "line", EdgeProgramType<N, E, G>>;
} {
  return {
    nodes: { circle: withoutInstancing(NodeCircleProgram as unknown as NodeProgramType<N, E, G>) },
    edges: {
      arrow: createEdgeCompoundProgram<N, E, G>([
        withoutInstancing(EdgeClampedProgram as unknown as EdgeProgramType<N, E, G>),
        withoutInstancing(EdgeArrowHeadProgram as unknown as EdgeProgramType<N, E, G>),
      ]),
      line: withoutInstancing(EdgeRectangleProgram as unknown as EdgeProgramType<N, E, G>),
    },
  };
}
