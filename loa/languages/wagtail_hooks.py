from wagtail import hooks


@hooks.register("loa_load_demo", order=50)  # after the giới thiệu pages (order 40)
def load_demo(home) -> None:
    from .demo import load_english_demo

    load_english_demo(home)
