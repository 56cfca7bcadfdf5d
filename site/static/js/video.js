/* Click-to-load video players (home/templates/home/includes/video_facade.html).
 *
 * Each facade's link to the provider's site becomes a button; pressing it replaces the poster with
 * the provider's player from its privacy-enhanced address, so nothing is asked of the provider
 * before the visitor chooses to watch. Without this script the link still opens the clip. */
document.querySelectorAll("[data-video-player]").forEach((facade) => {
  const link = facade.querySelector(".video-facade__play");
  const button = document.createElement("button");
  button.type = "button";
  button.className = link.className;
  button.append(...link.childNodes);
  link.replaceWith(button);
  button.addEventListener("click", () => {
    const player = document.createElement("iframe");
    player.src = facade.dataset.videoPlayer;
    player.title = facade.dataset.videoTitle;
    player.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    player.allowFullscreen = true;
    player.referrerPolicy = "strict-origin-when-cross-origin";
    facade.replaceChildren(player);
    player.focus();
  });
});
