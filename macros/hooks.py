"""mkdocs hooks: validate data before anything is written, then add the pages that come from data."""

from __future__ import annotations

import sys
from pathlib import Path

# mkdocs loads this file by path with only its folder on sys.path; make the package importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.plugins import event_priority, get_plugin_logger  # noqa: E402

from macros.errors import DataInvalid  # noqa: E402
from macros.pages import add_generated, packed, release, unpack  # noqa: E402
from macros import servecache  # noqa: E402
from macros.buildcache import cache_theme_templates  # noqa: E402
from macros.reading import data_date_vi  # noqa: E402
from macros.search import enrich_search_index, index_page  # noqa: E402
from macros.site import province, state_for  # noqa: E402

log = get_plugin_logger("dvcq")


def on_startup(command, dirty):
    servecache.start(command)


def on_serve(server, config, builder):
    servecache.poll_faster(server, config)
    return server


@event_priority(100)  # before Material's search plugin makes its first theme environment
def on_config(config):
    cache_theme_templates(config.theme)
    try:
        state = state_for(config)
    except DataInvalid as exc:
        raise Abort("\n" + exc.report()) from None
    for warning in state.warnings:
        log.info(str(warning))
    config.extra["data_date"] = data_date_vi(state.data)  # the footer's "Dữ liệu cập nhật đến ngày"
    if province(config):  # a provincial site says whose it is in every page's header and title
        config.site_name = f"{config.site_name} – {province(config)}"
    return config


def on_files(files, config):
    add_generated(files, config, state_for(config))
    if servecache.active():
        servecache.new_build(files, config)
        servecache.compile_strings_once(config.plugins["macros"].env)  # made in the macros plugin's on_config
    return files


def on_nav(nav, config, files):
    if servecache.active():
        servecache.keep_nav(nav)
    return nav


@event_priority(-100)  # after the macros and the tags plugin changed the Markdown
def on_page_markdown(markdown, page, config, files):
    if servecache.active():
        servecache.convert(page, markdown)
    return markdown


def on_page_content(html, page, config, files):
    """The HTML blocks templates kept out of Markdown go in; then the page is packed till its template."""
    html, ids = state_for(config).renderer.unstash(page.file.src_uri, html)
    page.present_anchor_ids = (page.present_anchor_ids or set()) | ids  # for mkdocs' anchor checks
    page.markdown = ""  # converted: large sites would otherwise hold every page twice (None unsets the title)
    return packed(page, html) if not servecache.active() else html


@event_priority(-100)  # after the tags plugin wrote its listings into their pages
def on_env(env, config, files):
    if servecache.active():
        servecache.prepare_outputs(env, files)
    return env


@event_priority(10)  # before Material's search plugin, which then skips the page
def on_page_context(context, page, config, nav):
    unpack(page)
    index_page(page, config, state_for(config))
    if servecache.active():
        servecache.reuse_output(context, page)
    return context


@event_priority(100)  # the theme's output, before any plugin changes it
def on_post_page(output, page, config):
    if servecache.active():
        servecache.keep_output(output, page)
    else:
        release(page)
    return output


@event_priority(-50)  # after the search plugin writes its index, before the offline plugin inlines it (-100)
def on_post_build(config):
    enrich_search_index(config.site_dir, state_for(config))
    if servecache.active():
        stats = servecache.STATS
        log.info(f"{stats['converted']} page(s) converted, {stats['conversions_reused']} reused from the last build")
