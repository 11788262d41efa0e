// The controls' first frame on screen, marked as the pause page marks its own (PauseCard.svelte).
requestAnimationFrame((at) => performance.mark('pause-card-shown', { startTime: at }));
