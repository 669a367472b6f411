/* sanitizer: UNDER_ASAN is defined in an AddressSanitizer build, by gcc (__SANITIZE_ADDRESS__) or clang. */
#ifndef PRESSROOM_SANITIZER_H
#define PRESSROOM_SANITIZER_H

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

#endif
