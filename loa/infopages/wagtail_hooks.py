from wagtail import hooks


@hooks.register("loa_load_demo", order=40)
def load_demo(home) -> None:
    from .demo import load_info_pages

    load_info_pages(home)
