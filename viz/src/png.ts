// The drawing as a PNG data URL: sigma's canvas layers composited on white.
import type Sigma from "sigma";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any graph: only the canvases are read
export function renderPng(renderer: Sigma<any, any, any>, container: HTMLElement): string {
  renderer.refresh();
  const { width, height } = renderer.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const out = document.createElement("canvas");
  out.width = Math.round(width * ratio);
  out.height = Math.round(height * ratio);
  const ctx = out.getContext("2d");
  if (!ctx) throw new Error("newsgraph page: no 2D canvas to export to");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, out.width, out.height);
  // Layers in DOM order (edges, edge labels, nodes, labels, hovers...), drawn right after a synchronous render
  // so the WebGL buffers still hold the frame.
  for (const canvas of container.querySelectorAll("canvas")) {
    if (canvas.classList.contains("sigma-mouse")) continue;
    ctx.drawImage(canvas, 0, 0, out.width, out.height);
  }
  return out.toDataURL("image/png");
}

/** Wires a button that downloads the drawing as newsgraph.png; returns the renderer of the data URL (for tests). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any graph: only the canvases are read
export function exportPngButton(button: HTMLElement, renderer: Sigma<any, any, any>, container: HTMLElement): () => string {
  const exportPng = () => renderPng(renderer, container);
  button.addEventListener("click", () => {
    const a = document.createElement("a");
    a.download = "newsgraph.png";
    a.href = exportPng();
    document.body.append(a);
    a.click();
    a.remove();
  });
  return exportPng;
}
